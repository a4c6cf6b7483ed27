package dev.tollgate.serve.admin;

import dev.tollgate.serve.TranslationLoop;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.serve.xds.XdsServer;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ready once the ADS server is up and the first translation has been published; details say
 * where ADS is served and which Gateways are being served. Part of {@code /health} and
 * {@code /health/readiness}.
 */
@Singleton
@Readiness
public final class ServingHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

  private final XdsServer xds;
  private final TranslationLoop loop;
  private final GatewaySnapshots snapshots;

  public ServingHealthIndicator(XdsServer xds, TranslationLoop loop, GatewaySnapshots snapshots) {
    this.xds = xds;
    this.loop = loop;
    this.snapshots = snapshots;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    boolean ready = xds.running() && loop.last().isPresent();
    healthStatus = ready ? HealthStatus.UP : HealthStatus.DOWN;
    Map<String, Object> details = new TreeMap<>();
    details.put("xdsAddress", xds.running() ? xds.boundAddress() : "not serving");
    details.put("translated", loop.last().isPresent());
    details.put("gateways", snapshots.all().keySet().stream().sorted().toList());
    return details;
  }

  @Override
  protected String getName() {
    return "serving";
  }
}
