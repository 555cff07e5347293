/**
 * A throwaway publisher key pair for the tests that run the headless command with a pack: the
 * tests put its public key in place of the app's (vi.mock of src-main/params/publisher-key), so a
 * pack they sign is accepted as the publisher's. Made fresh for every test run, never stored.
 */
import { generatePublisherKeys } from '../../src-main/params'

export const throwawayKeys = generatePublisherKeys()
