// What both federation pages need first: the district's towns (the filters and pickers) and the
// organisations, those the caller writes for among them (registration, activities).
import { computed, ref, type ComputedRef, type Ref } from 'vue'

import { session } from '../../auth'
import { OrganisationsDocument, type OrganisationsQuery } from '../../gql/graphql'
import { request } from '../../graphql/client'
import { errorSentence } from '../../lib/errors'
import { placesBelow, type Place } from '../../lib/places'
import { writableOrganisations } from './volunteers'

type Organisations = OrganisationsQuery['organisations']

/** `failed` takes the sentence of a failure to load (the page shows it; the list still loads). */
export function useFederation(failed: (sentence: string) => void): {
  towns: Ref<Place[]>
  writable: ComputedRef<Organisations>
  loadPlaces: () => Promise<void>
} {
  const district = session.divisionCode.slice(0, 6)
  const towns = ref<Place[]>([])
  const organisations = ref<Organisations>([])
  const writable = computed(() => writableOrganisations(organisations.value, session.roles))
  async function loadPlaces(): Promise<void> {
    try {
      ;[towns.value, organisations.value] = await Promise.all([
        district.length === 6 ? placesBelow(district) : Promise.resolve([]),
        request(OrganisationsDocument, {}).then((d) => d.organisations),
      ])
    } catch (e) {
      failed(errorSentence(e))
    }
  }
  return { towns, writable, loadPlaces }
}
