package dev.tollgate.serve.admin;

import dev.tollgate.serve.TranslationLoop;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.serve.xds.XdsServer;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ready while what is served is what the inputs say: ADS is up, the provider has read its inputs
 * in full (every Kubernetes informer has synced), the last translation completed, and every input
 * is read (no watched root is missing or unlistable, no file is unread without last readable
 * contents to stand in for it). Otherwise DOWN, and {@code notReady} says why.
 * Details also say where ADS is served and which Gateways are served. Part of {@code /health}
 * and {@code /health/readiness}.
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
    List<String> notReady = new ArrayList<>();
    if (!xds.running()) {
      notReady.add("ADS is not being served");
    }
    loop.provider().filter(p -> !p.synced()).ifPresent(p -> notReady.add(p.description() + " has not read every input yet"));
    if (loop.last().isEmpty()) {
      notReady.add("no translation has completed yet");
    }
    loop.failure().ifPresent(f -> notReady.add("the last translation failed: " + f));
    loop.unreadInputs().forEach(u -> notReady.add("an input is not read: " + u));
    healthStatus = notReady.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
    Map<String, Object> details = new TreeMap<>();
    details.put("xdsAddress", xds.running() ? xds.boundAddress() : "not serving");
    details.put("translated", loop.last().isPresent());
    details.put("gateways", snapshots.all().keySet().stream().sorted().toList());
    if (!notReady.isEmpty()) {
      details.put("notReady", notReady);
    }
    return details;
  }

  @Override
  protected String getName() {
    return "serving";
  }
}
