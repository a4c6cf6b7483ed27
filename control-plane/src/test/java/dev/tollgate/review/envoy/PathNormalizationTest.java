package dev.tollgate.review.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.PathWithEscapedSlashesAction;
import org.junit.jupiter.api.Test;

/** The connection manager's path handling before routing: what a client cannot use to slip past a route. */
class PathNormalizationTest {

  private static final HttpConnectionManager TOLLGATE = HttpConnectionManager.newBuilder().setNormalizePath(BoolValue.of(true))
      .setMergeSlashes(true).setPathWithEscapedSlashesAction(PathWithEscapedSlashesAction.UNESCAPE_AND_REDIRECT).build();

  @Test
  void dotSegmentsEscapesOfUnreservedCharactersAndRepeatedSlashes() {
    assertThat(PathNormalization.apply(TOLLGATE, "/public/../admin/./x").path()).isEqualTo("/admin/x");
    assertThat(PathNormalization.apply(TOLLGATE, "/test%2Dopa/get").path()).isEqualTo("/test-opa/get");
    assertThat(PathNormalization.apply(TOLLGATE, "//admin///x?q=a//b").path()).isEqualTo("/admin/x?q=a//b");
    assertThat(PathNormalization.apply(TOLLGATE, "/a/%3F").path()).isEqualTo("/a/%3F"); // reserved: kept escaped
  }

  @Test
  void escapedSlashesRedirectOrRejectAsConfigured() {
    PathNormalization.Outcome redirected = PathNormalization.apply(TOLLGATE, "/admin%2Fx");
    assertThat(redirected.redirectTo()).isEqualTo("/admin/x");
    HttpConnectionManager reject = TOLLGATE.toBuilder().setPathWithEscapedSlashesAction(PathWithEscapedSlashesAction.REJECT_REQUEST).build();
    assertThat(PathNormalization.apply(reject, "/a%2f").rejected()).isTrue();
    HttpConnectionManager keep = HttpConnectionManager.getDefaultInstance();
    assertThat(PathNormalization.apply(keep, "/a%2F/../b").path()).isEqualTo("/a%2F/../b");
  }
}
