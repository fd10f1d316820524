package cn.gov.gz.govcloud.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A business system of a using unit, with its importance and its service level 1–4 (GB/T 34077.3 5.3.6), which sets
 * response, on-site and recovery targets for its incidents.
 */
public record BusinessSystem(
    @NotBlank(message = "不能为空") @Pattern(regexp = "[A-Za-z0-9_\\-]{1,32}", message = "只能包含字母、数字、- 和 _，最长 32 位")
    String code,
    @NotBlank(message = "不能为空") @Size(max = 100, message = "最长 100 字") String name,
    @NotBlank(message = "不能为空") String unitCode,
    @NotNull(message = "不能为空，取值 CORE（核心）、IMPORTANT（重要）、GENERAL（一般）") Importance importance,
    @NotNull(message = "不能为空") @Min(value = 1, message = "服务级别为 1–4") @Max(value = 4, message = "服务级别为 1–4")
    Integer serviceLevel) {

  /** How much the city depends on the system. */
  public enum Importance {
    CORE, IMPORTANT, GENERAL
  }
}
