/**
 * The public Ed25519 key of the publisher of Vangnet's parameter packs. Only packs signed with
 * the matching private key are accepted. The private key never enters the repository: the publisher
 * keeps it and signs with `vangnet params sign` (key from VANGNET_PACK_PRIVATE_KEY). A new key pair
 * comes from `vangnet params keygen`; replacing this key is a new release.
 */
export const publisherPublicKey = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAv3CSDxXgg6I444E5l8pVqKhJKAb+VmARsnLDxoBvYvg=
-----END PUBLIC KEY-----
`
