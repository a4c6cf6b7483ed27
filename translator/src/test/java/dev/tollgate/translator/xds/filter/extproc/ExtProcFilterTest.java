package dev.tollgate.translator.xds.filter.extproc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.translator.ir.DestinationIr;
import dev.tollgate.translator.ir.ExtensionsIr;

import io.envoyproxy.envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor;
import io.envoyproxy.envoy.extensions.filters.http.ext_proc.v3.ProcessingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtProcFilterTest {

  private static ExtensionsIr.ExtProc processor(boolean requestHeaders, String requestBody, boolean responseHeaders,
      String responseBody) {
    return new ExtensionsIr.ExtProc("envoy.filters.http.ext_proc/envoyextensionpolicy/default/p/extproc/0",
        new DestinationIr("envoyextensionpolicy/default/p/extproc/0", null, DestinationIr.Protocol.HTTP2, List.of(), 0),
        "processor.default:9002", false, 200, requestHeaders, requestBody, List.of("request.path"), responseHeaders,
        responseBody, List.of(), false, List.of("envoy.filters.http.jwt_authn"), List.of(), false);
  }

  @Test
  void absentPhases_sendNothing() {
    ProcessingMode mode = ExtProcFilter.config(processor(false, null, false, null)).getProcessingMode();
    assertThat(mode.getRequestHeaderMode()).isEqualTo(ProcessingMode.HeaderSendMode.SKIP);
    assertThat(mode.getResponseHeaderMode()).isEqualTo(ProcessingMode.HeaderSendMode.SKIP);
    assertThat(mode.getRequestBodyMode()).isEqualTo(ProcessingMode.BodySendMode.NONE);
  }

  @Test
  void presentPhases_sendHeaders_andTheirBodyMode() {
    ExternalProcessor config = ExtProcFilter.config(processor(true, "Buffered", true, "FullDuplexStreamed"));
    ProcessingMode mode = config.getProcessingMode();
    assertThat(mode.getRequestHeaderMode()).isEqualTo(ProcessingMode.HeaderSendMode.SEND);
    assertThat(mode.getRequestBodyMode()).isEqualTo(ProcessingMode.BodySendMode.BUFFERED);
    assertThat(mode.getResponseBodyMode()).isEqualTo(ProcessingMode.BodySendMode.FULL_DUPLEX_STREAMED);
    assertThat(mode.getResponseTrailerMode()).isEqualTo(ProcessingMode.HeaderSendMode.SEND);
    assertThat(config.getGrpcService().getEnvoyGrpc().getClusterName()).isEqualTo("envoyextensionpolicy/default/p/extproc/0");
    assertThat(config.getMessageTimeout().getNanos()).isEqualTo(200_000_000);
    assertThat(config.getRequestAttributesList()).containsExactly("request.path");
    assertThat(config.getMetadataOptions().getForwardingNamespaces().getUntypedList()).containsExactly("envoy.filters.http.jwt_authn");
    assertThat(config.getFailureModeAllow()).isFalse();
  }
}
