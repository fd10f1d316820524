package cn.gov.gz.govcloud.inspection;

import java.util.List;
import org.springframework.stereotype.Component;

/** The areas of an inspection, for the model's multi-instance: {@code ${inspectionPlan.areaIds(inspectionId)}}. */
@Component("inspectionPlan")
public class InspectionPlan {

  private final InspectionService service;

  InspectionPlan(InspectionService service) {
    this.service = service;
  }

  public List<Long> areaIds(Object inspectionId) {
    return service.areas(((Number) inspectionId).longValue()).stream().map(InspectionService.Area::id).toList();
  }
}
