/**
 * Not API: one call from request to outcome, for any operation: the HTTP request built from a checked
 * {@code OperationRequest} ({@link io.github.unipilechat.internal.transport.HttpRequests}), the key only to the
 * configured origin, OkHttp, the retry loop ({@link io.github.unipilechat.internal.transport.RetryEngine}) and what an
 * answer or a failure means ({@link io.github.unipilechat.internal.transport.OutcomeClassifier}). It sits above the
 * requests and the drift check it runs, below the public face that hands it both.
 */
package io.github.unipilechat.internal.transport;
