package dev.tollgate.translator.xds.filter.extauthz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.ir.ExtAuthIr;
import dev.tollgate.translator.xds.filter.jwt.JwtAuthnFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtAuthzJwtPayloadTest {

  private static ExtAuthIr ext(boolean jwtPayload) {
    return new ExtAuthIr("envoy.filters.http.ext_authz/securitypolicy/default/p", false,
        new dev.tollgate.translator.ir.DestinationIr("authz", null, null, List.of(), 0), "authz.default:8181",
        null, List.of(), List.of(), false, 1000, null, null, false, jwtPayload);
  }

  @Test
  void jwtPayloadToExtAuth_asksForTheJwtAuthnMetadata() {
    assertThat(ExtAuthzFilter.config(ext(true)).getMetadataContextNamespacesList()).containsExactly(JwtAuthnFilter.NAME);
  }

  @Test
  void withoutIt_noMetadataIsSent() {
    assertThat(ExtAuthzFilter.config(ext(false)).getMetadataContextNamespacesList()).isEmpty();
  }
}
