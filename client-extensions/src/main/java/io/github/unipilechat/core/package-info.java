/**
 * The operation-generic core: a request for any operation of the provider's document ({@link
 * io.github.unipilechat.core.OperationRequest}), checked against that operation before anything is sent, and its
 * documented answer ({@link io.github.unipilechat.core.OperationResponse}). Nothing here names an operation, a
 * field or a status: all of it is read from the spec. {@code UnipileChatClient.call} sends one; the typed calls
 * generated from the spec and {@code StartChatRequest} are built on it.
 */
package io.github.unipilechat.core;
