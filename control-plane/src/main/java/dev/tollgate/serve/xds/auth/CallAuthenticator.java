package dev.tollgate.serve.xds.auth;

import io.grpc.Metadata;
import io.grpc.ServerCall;

/** Says which Gateway the proxy behind a stream serves, from what the stream carries, or why it serves none. */
@FunctionalInterface
interface CallAuthenticator {

  ProxyAuthResult authenticate(ServerCall<?, ?> call, Metadata headers);
}
