// The reason-code catalogue (wmo-rules.md §6e, extended to every rule of §6). A code is stable:
// stored decisions refer to it. The Dutch sentence is what a beschikking cites; "{}" is where a
// rule puts its values. The basis is the article, ruling or study the rule rests on.

#include "reable/decision/engine.hpp"

#include "reable/error.hpp"

#include <algorithm>
#include <array>

namespace reable::decision {
namespace {

struct CatalogueEntry {
    std::string_view code;
    std::string_view sentence;
    std::string_view basis;
};

constexpr std::string_view k_target_basis =
    "doelgroepcriteria Stay Active at Home (Metzelthin e.a. 2018), Tuntland e.a. 2014 en IRISS; beleid van de gemeente";

constexpr std::array k_catalogue{
    CatalogueEntry{"R-A-SCOPE",
                   "De aanvraag betreft geen hulp bij het huishouden (productcategorie 01); deze beslisregels zijn "
                   "niet van toepassing.",
                   "Wmo 2015 art. 2.3.5"},
    CatalogueEntry{"R-A-TERMINAL",
                   "U valt niet onder herstelgerichte hulp omdat er sprake is van een terminale situatie.",
                   k_target_basis},
    CatalogueEntry{"R-A-BEDBOUND", "U valt niet onder herstelgerichte hulp omdat u bedlegerig bent.", k_target_basis},
    CatalogueEntry{"R-A-COGNITION",
                   "U valt niet onder herstelgerichte hulp vanwege (ernstige) cognitieve beperkingen ({}).",
                   k_target_basis},
    CatalogueEntry{"R-A-PSYCH",
                   "U valt niet onder herstelgerichte hulp vanwege ernstige psychiatrische of psychische problemen.",
                   k_target_basis},
    CatalogueEntry{"R-A-INSTITUTION",
                   "U valt niet onder herstelgerichte hulp omdat u bent aangewezen op revalidatie of verblijf in een "
                   "instelling of op zorg uit de Wlz.",
                   k_target_basis},
    CatalogueEntry{"R-A-COMMUNICATION",
                   "U valt niet onder herstelgerichte hulp omdat communicatie niet mogelijk is en er geen tolk kan "
                   "worden ingezet.",
                   k_target_basis},
    CatalogueEntry{"R-A-AGE", "U valt niet onder herstelgerichte hulp omdat u jonger bent dan {} jaar.",
                   "beleid van de gemeente"},
    CatalogueEntry{
        "R-A-DECLINE",
        "U valt niet onder herstelgerichte hulp omdat uw achteruitgang niet recent en niet herstelbaar is ({}).",
        "Cochrane CD010825 (herstelgerichte hulp is gericht op herstel na recente achteruitgang); beleid van de "
        "gemeente"},
    CatalogueEntry{"R-A-TEST", "U valt niet onder herstelgerichte hulp op grond van de fysieke test ({}).",
                   "beleid van de gemeente (fysieke test en grens)"},
    CatalogueEntry{"R-A-GOAL",
                   "U valt niet onder herstelgerichte hulp omdat u (nog) geen doel voor uw huishouden heeft benoemd.",
                   "herstelgerichte hulp werkt aan doelen van de cliënt (Cochrane CD010825)"},
    CatalogueEntry{"R-A-INCLUDED", "U behoort tot de doelgroep van herstelgerichte hulp ({}).",
                   "beleid van de gemeente"},
    CatalogueEntry{"R-B-SPOED",
                   "Er is een spoedeisende situatie. U krijgt tijdelijk hulp bij het huishouden ({}); daarna wordt "
                   "bekeken of herstelgerichte hulp past.",
                   "Wmo 2015 art. 2.3.3 (tijdelijke maatwerkvoorziening bij spoed)"},
    CatalogueEntry{"R-B-NOTARGET",
                   "Omdat u niet tot de doelgroep van herstelgerichte hulp behoort, is uw behoefte aan hulp bij het "
                   "huishouden op de gewone wijze beoordeeld.",
                   "Wmo 2015 art. 2.3.5 lid 3"},
    CatalogueEntry{
        "R-B-NOCAPACITY",
        "Herstelgerichte hulp kan niet binnen {} starten. Uw behoefte aan hulp bij het huishouden is daarom nu "
        "beoordeeld; herstelgerichte hulp wordt later opnieuw aangeboden.",
        "herstelgerichte hulp moet daadwerkelijk beschikbaar zijn om voor te gaan (Wmo 2015 art. 2.3.5 lid 3)"},
    CatalogueEntry{"R-B-PRECEDENCE",
                   "Herstelgerichte hulp is een passende en goedkoopst adequate oplossing die voorgaat; daarom wordt "
                   "geen maatwerkvoorziening hulp bij het huishouden verstrekt voor de duur van het traject ({}).",
                   "Wmo 2015 art. 2.3.5 lid 3; beleid van het college (voorliggend gaat voor maatwerk)"},
    CatalogueEntry{"R-B-DECLINE-PREC",
                   "U heeft herstelgerichte hulp geweigerd. Het enige gevolg is dat geen maatwerkvoorziening hulp bij "
                   "het huishouden wordt verstrekt; uw andere voorzieningen blijven ongewijzigd.",
                   "beleid van het college (herstelgerichte hulp gaat voor)"},
    CatalogueEntry{"R-B-INTERIM",
                   "Als uw huis tijdens het traject niet schoon en leefbaar kan blijven, krijgt u op signaal van de "
                   "aanbieder tijdelijk hulp bij het huishouden.",
                   "zorgvuldigheid (Awb 3:2); beleid van de gemeente"},
    CatalogueEntry{"R-B-OFFER",
                   "U krijgt herstelgerichte hulp aangeboden. Deelname is vrijwillig; uw keuze heeft geen gevolgen "
                   "voor uw aanvraag.",
                   "beleid van de gemeente (herstelgerichte hulp is vrijwillig)"},
    CatalogueEntry{"R-B-ACCEPT",
                   "U heeft ingestemd met herstelgerichte hulp. In overleg wordt de beslissing over hulp bij het "
                   "huishouden aangehouden tot het einde van het traject ({}).",
                   "beleid van de gemeente; instemming van de cliënt"},
    CatalogueEntry{"R-B-DECLINE-VOL",
                   "U heeft afgezien van herstelgerichte hulp; dit heeft geen gevolgen voor uw aanvraag.",
                   "beleid van de gemeente (herstelgerichte hulp is vrijwillig)"},
    CatalogueEntry{"R-C-NONEED",
                   "Uw eigen kracht, gebruikelijke hulp, uw netwerk of een algemene voorziening dekken alle taken; er "
                   "blijft geen behoefte aan een maatwerkvoorziening over.",
                   "Wmo 2015 art. 2.3.5 lid 3; CRvB 17-04-2024, ECLI:NL:CRVB:2024:743"},
    CatalogueEntry{"R-C-NORM", "De omvang is bepaald met het normenkader {}.",
                   "CRvB 18-05-2016, ECLI:NL:CRVB:2016:1402; CRvB 10-12-2018, ECLI:NL:CRVB:2018:3835"},
    CatalogueEntry{"R-C-ROUND", "Het berekende aantal minuten is naar boven afgerond: {}.", "normenkader (afronding)"},
    CatalogueEntry{
        "R-C-BANDMIN",
        "Het berekende aantal minuten ligt onder de ondergrens van de band; de ondergrens is toegekend ({}).",
        "normenkader (bandbreedte)"},
    CatalogueEntry{"R-C-MAATWERK",
                   "Het berekende aantal minuten ligt boven de bovengrens van de band ({}). Daarvan kan alleen met een "
                   "schriftelijke motivering worden afgeweken (maatwerk).",
                   "Awb 4:84; CRvB 21-03-2018, ECLI:NL:CRVB:2018:819"},
    CatalogueEntry{"R-C-NOVALUE",
                   "Het normenkader kent geen minuten voor {}; de extra tijd wordt met een motivering vastgesteld.",
                   "Awb 3:46; CRvB 21-03-2018, ECLI:NL:CRVB:2018:819"},
    CatalogueEntry{"R-E-SELFRELIANT",
                   "Na het traject herstelgerichte hulp doet u de taken in het huishouden zelf ({}); er is geen "
                   "maatwerkvoorziening hulp bij het huishouden nodig.",
                   "Wmo 2015 art. 2.3.2 lid 4 (eigen kracht); beleid van de gemeente"},
    CatalogueEntry{"R-E-PARTIAL",
                   "Na het traject herstelgerichte hulp doet u een deel van de taken zelf ({}); de hulp bij het "
                   "huishouden is daarom in een lagere band vastgesteld.",
                   "Wmo 2015 art. 2.3.2 lid 4 (eigen kracht); beleid van de gemeente"},
    CatalogueEntry{"R-E-NOGAIN",
                   "Het traject herstelgerichte hulp heeft geen blijvende vooruitgang opgeleverd ({}); de hulp bij het "
                   "huishouden is volgens de norm vastgesteld.",
                   "Wmo 2015 art. 2.3.2; beleid van de gemeente"},
    CatalogueEntry{"R-E-DROPOUT", "U bent voortijdig gestopt met herstelgerichte hulp ({}).", "beleid van de gemeente"},
    CatalogueEntry{"R-OVERRIDE", "De consulent is gemotiveerd afgeweken van de berekende uitkomst: {}",
                   "Awb 3:46 en 4:84"},
};

}  // namespace

std::string dutch_number(Decimal value)
{
    std::string text = value.to_string();
    std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

Reason reason(std::string_view code, const std::string& detail)
{
    for (const CatalogueEntry& entry : k_catalogue) {
        if (entry.code != code) continue;
        std::string sentence(entry.sentence);
        if (auto at = sentence.find("{}"); at != std::string::npos) sentence.replace(at, 2, detail);
        return {std::string(code), std::move(sentence), std::string(entry.basis)};
    }
    throw Error(ErrorCode::internal, "no reason code " + std::string(code) + " in the catalogue");
}

bool Decision::has_reason(std::string_view code) const
{
    for (const Reason& r : reasons)
        if (r.code == code) return true;
    return false;
}

}  // namespace reable::decision
