package dev.tollgate.translator.gateway;

import dev.tollgate.translator.ir.XdsIr;
import dev.tollgate.translator.status.ObjectStatus;
import java.util.List;

/** The gateway stage's output: the IR of every programmed Gateway and the status of every object it handled. */
public record GatewayStageResult(XdsIr ir, List<ObjectStatus> statuses) {}
