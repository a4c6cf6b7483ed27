package dev.tollgate.kubernetes.status;

import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.List;

/**
 * What serve learns after a translation and reports in statuses too (a Gateway whose proxy
 * infrastructure cannot be rendered): the statuses to write for one translation.
 */
@FunctionalInterface
public interface StatusAmendment {

  List<ObjectStatus> statuses(ResourceSet input, TranslationResult result);
}
