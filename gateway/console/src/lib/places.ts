// The district's places for a town and a village picker: the divisions below one, from the gateway.
import { DivisionsDocument, type DivisionsQuery } from '../gql/graphql'
import { request } from '../graphql/client'

export type Place = DivisionsQuery['divisions'][number]

/** The divisions directly below `parentCode`: the district's towns when it is null, a town's villages. */
export async function placesBelow(parentCode: string | null): Promise<Place[]> {
  return (await request(DivisionsDocument, { parentCode })).divisions
}
