package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.workorder.WorkOrder.Channel;
import cn.gov.gz.govcloud.workorder.WorkOrder.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a new work order needs, from any channel: the service desk form, the portal or hotline system over REST, or
 * another process (inspection finding, monitoring alert) through a call activity.
 */
record WorkOrderIntake(
    String unitCode,
    String businessSystemCode,
    @Size(max = 50, message = "最长 50 字") String contactName,
    @Size(max = 30, message = "最长 30 位") @Pattern(regexp = "[0-9+\\- ]*", message = "只能包含数字、空格、+ 和 -")
    String contactPhone,
    @NotNull(message = "不能为空，取值 CONSULTATION、SERVICE_REQUEST、FAULT、COMPLAINT、FINDING") WorkOrderType type,
    @NotNull(message = "不能为空，取值 HIGH、MEDIUM、LOW") Priority priority,
    @NotNull(message = "不能为空") Channel channel,
    @Size(max = 128, message = "最长 128 位") String sourceRef,
    @NotBlank(message = "不能为空") @Size(max = 200, message = "最长 200 字") String title,
    @NotBlank(message = "不能为空") @Size(max = 4000, message = "最长 4000 字") String description) {}
