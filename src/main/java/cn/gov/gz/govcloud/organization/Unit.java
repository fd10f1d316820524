package cn.gov.gz.govcloud.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A using unit (使用方): a department running business systems on the cloud. */
public record Unit(
    @NotBlank(message = "不能为空") @Pattern(regexp = "[A-Za-z0-9_]{1,32}", message = "只能包含字母、数字和下划线，最长 32 位")
    String code,
    @NotBlank(message = "不能为空") @Size(max = 100, message = "最长 100 字") String name,
    @Size(max = 50, message = "最长 50 字") String contactName,
    @Size(max = 30, message = "最长 30 位") @Pattern(regexp = "[0-9+\\- ]*", message = "只能包含数字、空格、+ 和 -")
    String contactPhone,
    @Size(max = 120, message = "最长 120 位") @Email(message = "不是有效的邮箱地址") String email) {}
