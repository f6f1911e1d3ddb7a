-- The access team's work list orders meldingen by their legal deadlines (Wmo 2015): the onderzoek
-- is due 6 weeks (42 days) after the melding until it is done, the beschikking 2 weeks (14 days)
-- after the aanvraag until the decision (domain::deadlines in core/src/domain/melding.cpp; a
-- storage test checks that both agree). `deadline_order` is the due date of the first deadline
-- not yet met, or '9999-12-31' when every one is met (those sort last). A deadline is overdue
-- when its due date is before today, so this order puts the overdue meldingen first, the most
-- overdue first, whatever day it is: the indexes give a page of it without sorting every melding.
-- A virtual column: computed when read, nothing stored, nothing for a writer to keep up to date.

ALTER TABLE melding ADD COLUMN deadline_order TEXT GENERATED ALWAYS AS (
  CASE
    WHEN onderzoek_done_on IS NULL
         AND (decided_on IS NOT NULL OR aanvraag_on IS NULL
              OR date(received_on, '+42 days') <= date(aanvraag_on, '+14 days'))
      THEN date(received_on, '+42 days')
    WHEN decided_on IS NULL AND aanvraag_on IS NOT NULL
      THEN date(aanvraag_on, '+14 days')
    ELSE '9999-12-31'
  END) VIRTUAL;

CREATE INDEX melding_deadline_order ON melding (deadline_order);
-- The work list's default: the meldingen not yet decided.
CREATE INDEX melding_open_deadline_order ON melding (deadline_order) WHERE decided_on IS NULL;
