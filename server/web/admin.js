// The administrator's page: users with their role and whether they are active (no hashes).

import { getJson } from './api.js';
import { element, table } from './dom.js';
import { code, t } from './i18n.js';

export async function usersPage(params, ctx) {
  const list = await getJson('/api/v1/users');
  ctx.show(element('h1', {}, t('users')),
    table([t('username'), t('name'), t('role'), t('active')],
      list.items.map((u) => [u.username, u.display_name, code(u.role), u.active ? t('yes') : t('no')])));
}
