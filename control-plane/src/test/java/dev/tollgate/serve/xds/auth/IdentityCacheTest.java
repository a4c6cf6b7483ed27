package dev.tollgate.serve.xds.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IdentityCacheTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static ProxyIdentity identity(String gateway, Instant expires) {
    return new ProxyIdentity("pod default/envoy", gateway, expires);
  }

  @Test
  void get_untilTheIdentityExpires_thenForgetsIt() {
    IdentityCache cache = new IdentityCache(10);
    cache.put("t", identity("default/a", NOW.plusSeconds(60)));
    assertThat(cache.get("t", NOW.plusSeconds(59))).map(ProxyIdentity::gateway).contains("default/a");
    assertThat(cache.get("t", NOW.plusSeconds(60))).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void put_beyondCapacity_dropsTheLeastRecentlyUsed() {
    IdentityCache cache = new IdentityCache(2);
    cache.put("one", identity("default/a", NOW.plusSeconds(60)));
    cache.put("two", identity("default/b", NOW.plusSeconds(60)));
    cache.get("one", NOW);
    cache.put("three", identity("default/c", NOW.plusSeconds(60)));
    assertThat(cache.get("two", NOW)).isEmpty();
    assertThat(cache.get("one", NOW)).isPresent();
    assertThat(cache.get("three", NOW)).isPresent();
  }

  @Test
  void tokenExpiry_readsTheExpClaim_andNothingFromWhatIsNotAJwt() {
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"aud\":[\"tollgate.dev/xds\"],\"exp\":1767229200,\"iat\":1767225600}".getBytes(StandardCharsets.UTF_8));
    assertThat(TokenExpiry.of("eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln")).contains(Instant.ofEpochSecond(1767229200));
    assertThat(TokenExpiry.of("opaque-token")).isEmpty();
    assertThat(TokenExpiry.of("a.!!!.c")).isEmpty();
  }
}
