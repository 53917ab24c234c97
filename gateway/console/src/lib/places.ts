// The district's places for a town and a village picker: the divisions below one, from the gateway.
import { ref, watch, type Ref } from 'vue'

import { DivisionsDocument, type DivisionsQuery } from '../gql/graphql'
import { request } from '../graphql/client'

export type Place = DivisionsQuery['divisions'][number]

/** The divisions directly below `parentCode`: the district's towns when it is null, a town's villages. */
export async function placesBelow(parentCode: string | null): Promise<Place[]> {
  return (await request(DivisionsDocument, { parentCode })).divisions
}

/**
 * A village picker under a town picker: the chosen town's villages, loaded as it changes, the
 * village cleared with it; `restore` names the village a draft had, chosen again once its
 * town's list is in (the town comes back first and clears it).
 */
export function useVillages(
  town: () => string,
  setVillage: (code: string) => void,
  failed: (error: unknown) => void,
): { villages: Ref<Place[]>; restore: (village: string) => void } {
  const villages = ref<Place[]>([])
  let restoring = ''
  watch(town, async (code) => {
    setVillage('')
    villages.value = []
    if (!code) return
    try {
      villages.value = await placesBelow(code)
      setVillage(restoring)
      restoring = ''
    } catch (error) {
      failed(error)
    }
  })
  return { villages, restore: (village) => (restoring = village) }
}
