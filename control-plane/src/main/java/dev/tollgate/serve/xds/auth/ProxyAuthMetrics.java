package dev.tollgate.serve.xds.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code tollgate_xds_rejected_proxies_total{reason}}: streams refused because the proxy could not prove its Gateway. */
final class ProxyAuthMetrics {

  static final String REJECTED = "tollgate.xds.rejected.proxies";

  private final MeterRegistry registry;

  ProxyAuthMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void rejected(Rejection reason) {
    Counter.builder(REJECTED).description("xDS streams refused because the proxy could not prove its Gateway")
        .tag("reason", reason.tag()).register(registry).increment();
  }
}
