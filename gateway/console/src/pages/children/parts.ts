// Which parts of a file a role reads (docs/access-policy.md, the registry's FILE_VIEW): the
// console offers only what the registry would answer; the API's `withheld` stays the truth.
import type { Role } from '../../lib/roles'

export const SEES_IDENTITY: readonly Role[] = [
  'civil_affairs',
  'town_social_worker',
  'intake_clerk',
  'village_supervisor',
  'women_children_committee',
  'police',
  'education',
  'health',
  'human_resources',
  'judicial',
  'housing',
  'disabled_persons_federation',
]
/** The whole number, and searching by it. */
export const SEES_ID_NUMBER: readonly Role[] = ['civil_affairs', 'town_social_worker', 'intake_clerk', 'police']
export const SEES_CLASSIFICATIONS: readonly Role[] = [
  'civil_affairs',
  'town_social_worker',
  'intake_clerk',
  'village_supervisor',
  'women_children_committee',
  'education',
  'health',
  'judicial',
  'housing',
  'disabled_persons_federation',
]

export function seesPart(roles: readonly Role[], part: readonly Role[]): boolean {
  return roles.some((r) => part.includes(r))
}

/** Health details (受艾滋病影响, illness notes): the roles that see classifications as they are. */
export const SEES_HEALTH: readonly Role[] = ['civil_affairs', 'town_social_worker', 'health']
