package dev.tollgate.translator.xds;

import com.google.protobuf.Duration;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;

/** Small protobuf values used throughout the xDS stage. */
public final class Protos {
  private Protos() {}

  /** Fetch over the same ADS stream that delivers everything else. */
  public static final ConfigSource ADS = ConfigSource.newBuilder()
      .setAds(AggregatedConfigSource.getDefaultInstance())
      .setResourceApiVersion(ApiVersion.V3)
      .build();

  public static Duration millis(long millis) {
    return Duration.newBuilder().setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000).build();
  }

  public static Duration seconds(long seconds) {
    return Duration.newBuilder().setSeconds(seconds).build();
  }

  public static com.google.protobuf.BoolValue bool(boolean value) {
    return com.google.protobuf.BoolValue.of(value);
  }

  public static UInt32Value u32(int value) {
    return UInt32Value.of(value);
  }
}
