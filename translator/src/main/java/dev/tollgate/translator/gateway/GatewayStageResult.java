package dev.tollgate.translator.gateway;

import dev.tollgate.translator.ir.XdsIr;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.List;

/**
 * The gateway stage's output: the IR of every programmed Gateway, the status of every object it
 * handled, and notices about input that was left alone (a GatewayClass of another controller).
 */
public record GatewayStageResult(XdsIr ir, List<ObjectStatus> statuses, List<String> notices) {}
