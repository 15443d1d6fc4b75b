/**
 * The version of the API this contract describes, `MAJOR.MINOR`. The server sends it in
 * the `Famille-Api-Version` header of every answer; a client built from this contract
 * works with a server of the same MAJOR and the same or a higher MINOR (minor versions
 * only add operations and optional fields). Raise MINOR when adding, MAJOR when breaking.
 */
export const apiVersion = '1.0';

/** The response header that carries `apiVersion`. */
export const apiVersionHeader = 'Famille-Api-Version';

/**
 * Whether a server speaking `server` can serve a client built for `client`: same
 * major, and the server's minor at least the client's. `undefined` (no header) cannot.
 */
export function apiVersionCompatible(client: string, server: string | null | undefined): boolean {
  const [clientMajor, clientMinor] = client.split('.').map(Number);
  const [serverMajor, serverMinor] = (server ?? '').split('.').map(Number);
  return serverMajor === clientMajor && (serverMinor ?? -1) >= (clientMinor ?? 0);
}
