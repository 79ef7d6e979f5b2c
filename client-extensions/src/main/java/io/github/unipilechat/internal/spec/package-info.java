/**
 * The one model of the provider's OpenAPI document that the client, the contract kit and the command line read: the
 * document checked once (no {@code $ref} leaves it), its operations with their paths, parameters, bodies and
 * documented answers, the one {@code $ref} resolver and the one schema engine (networknt). It is the leaf every other
 * layer is handed: it imports nothing of this project but {@code internal.text}, and names no operation.
 *
 * <p><b>Not API.</b> This package is plumbing shared by this project's own modules; it may change in any release
 * without notice.
 */
package io.github.unipilechat.internal.spec;
