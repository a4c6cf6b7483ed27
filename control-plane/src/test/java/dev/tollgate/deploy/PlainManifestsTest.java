package dev.tollgate.deploy;

import dev.tollgate.testing.Golden;
import org.junit.jupiter.api.Test;

/** deploy/manifests is what the chart renders, so it cannot go stale. */
class PlainManifestsTest {

  @Test
  void thePlainManifests_areTheChartRenderedWithDefaultValues() {
    PlainManifests.render().forEach((file, contents) -> Golden.check(TollgateChart.deploy().resolve("manifests").resolve(file), contents));
  }
}
