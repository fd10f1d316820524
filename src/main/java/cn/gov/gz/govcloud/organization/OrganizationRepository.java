package cn.gov.gz.govcloud.organization;

import cn.gov.gz.govcloud.organization.BusinessSystem.Importance;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

  private final JdbcClient jdbc;

  OrganizationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Unit> units(Collection<String> onlyCodes) {
    String sql = "SELECT code, name, contact_name, contact_phone, email FROM org_unit";
    var spec = onlyCodes == null
        ? jdbc.sql(sql + " ORDER BY code")
        : jdbc.sql(sql + " WHERE code IN (:codes) ORDER BY code").param("codes", onlyCodes);
    if (onlyCodes != null && onlyCodes.isEmpty()) {
      return List.of();
    }
    return spec.query((rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5))).list();
  }

  Optional<Unit> unit(String code) {
    return jdbc.sql("SELECT code, name, contact_name, contact_phone, email FROM org_unit WHERE code = ?")
        .param(code)
        .query((rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5)))
        .optional();
  }

  boolean unitExists(String code) {
    return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = ?").param(code).query(Long.class).single() > 0;
  }

  boolean unitNameTaken(String name, String exceptCode) {
    return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE name = ? AND code <> ?").param(name).param(exceptCode)
        .query(Long.class).single() > 0;
  }

  void insertUnit(Unit u) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("INSERT INTO org_unit (code, name, contact_name, contact_phone, email, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(u.code(), u.name(), u.contactName(), u.contactPhone(), u.email(), now, now)
        .update();
  }

  void updateUnit(Unit u) {
    jdbc.sql("UPDATE org_unit SET name = ?, contact_name = ?, contact_phone = ?, email = ?, updated_at = ? "
            + "WHERE code = ?")
        .params(u.name(), u.contactName(), u.contactPhone(), u.email(), Timestamp.from(Instant.now()), u.code())
        .update();
  }

  List<BusinessSystem> systems(Collection<String> onlyUnitCodes) {
    String sql = "SELECT code, name, unit_code, importance, service_level FROM business_system";
    if (onlyUnitCodes != null && onlyUnitCodes.isEmpty()) {
      return List.of();
    }
    var spec = onlyUnitCodes == null
        ? jdbc.sql(sql + " ORDER BY code")
        : jdbc.sql(sql + " WHERE unit_code IN (:codes) ORDER BY code").param("codes", onlyUnitCodes);
    return spec.query((rs, i) -> new BusinessSystem(rs.getString(1), rs.getString(2), rs.getString(3),
        Importance.valueOf(rs.getString(4)), rs.getInt(5))).list();
  }

  Optional<BusinessSystem> system(String code) {
    return jdbc.sql("SELECT code, name, unit_code, importance, service_level FROM business_system WHERE code = ?")
        .param(code)
        .query((rs, i) -> new BusinessSystem(rs.getString(1), rs.getString(2), rs.getString(3),
            Importance.valueOf(rs.getString(4)), rs.getInt(5)))
        .optional();
  }

  boolean systemExists(String code) {
    return jdbc.sql("SELECT COUNT(*) FROM business_system WHERE code = ?").param(code).query(Long.class).single() > 0;
  }

  void insertSystem(BusinessSystem s) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("INSERT INTO business_system (code, name, unit_code, importance, service_level, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(s.code(), s.name(), s.unitCode(), s.importance().name(), s.serviceLevel(), now, now)
        .update();
  }
}
