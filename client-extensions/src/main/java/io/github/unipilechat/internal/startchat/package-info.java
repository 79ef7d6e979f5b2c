/**
 * Not API: which operation the hand-written start-chat conveniences stand on. It sits above the operation-generic
 * layers (spec model, form encoding, request rules) and below the conveniences, so nothing generic names an
 * operation.
 */
package io.github.unipilechat.internal.startchat;
