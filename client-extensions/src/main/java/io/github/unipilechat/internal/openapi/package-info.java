/**
 * The OpenAPI layer above the body, from swagger-request-validator, one per spec model: which operation a method and
 * path reach, the parameters, credentials and content types an operation requires, whether it takes a body, which
 * answers it documents ({@link io.github.unipilechat.internal.openapi.OpenApiLayer}). The client asks it before
 * sending, the contract kit about what it receives; values and bodies are left to the one schema engine.
 *
 * <p><b>Not API.</b> Plumbing of this project's own modules; it may change in any release without notice.
 */
package io.github.unipilechat.internal.openapi;
