package cn.gov.gz.govcloud.governance;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.governance.StaffService.Pledge;
import cn.gov.gz.govcloud.governance.StaffService.RosterEntry;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The register of the operations staff and their confidentiality pledges (人员与保密协议登记; DB4401/T 294.3
 * Appendix D #3 驻场人员清单, #4 安全保密承诺书 — the register, the scans stay in the deliverables): every staff member
 * with the joining and leaving pledges, and a native chart of the pledges signed, pending and overdue. Generated on
 * demand ({@code POST /api/staff/register}); each generation a new archived version.
 */
@Implements(value = "P6 7.4.1.3", what = "c) 人员与保密协议登记（入职、离职保密协议的签订情况）")
@Service
public class StaffRegister {

  public static final String KIND = "STAFF_PLEDGES";
  static final String SUBJECT = "STAFF-PLEDGES";
  static final String TEMPLATE = "staff-pledges.docx";
  static final List<String> STATES = List.of("已签订", "待签订", "已逾期");

  private final StaffService staff;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final Clock clock;

  StaffRegister(StaffService staff, ReportArchive archive, TemplateReport templates, Clock clock) {
    this.staff = staff;
    this.archive = archive;
    this.templates = templates;
    this.clock = clock;
  }

  public ReportDocument generate(String by) {
    int version = archive.nextVersion(KIND, SUBJECT);
    String day = clock.instant().atZone(CityTime.ZONE).toLocalDate().toString();
    byte[] docx = templates.render(TEMPLATE, data(version), "staff");
    return archive.archive(KIND, SUBJECT, "人员与保密协议登记 " + day, null, null,
        "人员与保密协议登记-" + day + "-v" + version + ".docx", ReportArchive.DOCX, docx, by);
  }

  /** The values of the template's tags (package-private: the tests compare the document with them). */
  Map<String, Object> data(int version) {
    Instant now = clock.instant();
    List<RosterEntry> roster = staff.roster(null);
    int[] counts = new int[STATES.size()];
    List<Map<String, String>> rows = new ArrayList<>();
    for (RosterEntry e : roster) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("no", String.valueOf(rows.size() + 1));
      m.put("name", e.staff().name());
      m.put("post", e.staff().post());
      m.put("joinedOn", e.staff().joinedOn().toString());
      m.put("joinPledge", "—");
      m.put("leftOn", e.staff().leftOn() == null ? "—" : e.staff().leftOn().toString());
      m.put("leavePledge", "—");
      m.put("status", e.staff().statusLabel());
      for (Pledge p : e.pledges()) {
        int state = "SIGNED".equals(p.status()) ? 0 : p.dueAt().isBefore(now) ? 2 : 1;
        counts[state]++;
        String text = state == 0 ? p.signedOn() + " 签订" : STATES.get(state) + "（应签 "
            + TemplateReport.time(p.dueAt()) + "）";
        m.put(StaffService.JOIN.equals(p.kind()) ? "joinPledge" : "leavePledge", text);
      }
      rows.add(m);
    }
    if (rows.isEmpty()) {
      rows.add(Map.of("no", "—", "name", "名册中没有运维人员", "post", "—", "joinedOn", "—", "joinPledge", "—",
          "leftOn", "—", "leavePledge", "—", "status", "—"));
    }
    long active = roster.stream().filter(e -> "ACTIVE".equals(e.staff().status())).count();
    Map<String, Object> data = new HashMap<>();
    data.put("title", "人员与保密协议登记");
    data.put("asOf", TemplateReport.time(now) + "（北京时间）");
    data.put("version", String.valueOf(version));
    data.put("summary", "名册中运维人员 " + roster.size() + " 人，其中在岗 " + active + " 人、已离职 "
        + (roster.size() - active) + " 人；保密协议 " + (counts[0] + counts[1] + counts[2]) + " 份，已签订 " + counts[0]
        + " 份，待签订 " + counts[1] + " 份，已逾期 " + counts[2] + " 份（DB4401/T 294.6 7.4.1.3 c：入职、离职签订保密协议）。"
        + "保密协议扫描件在交付文档中登记。");
    data.put("pledgeChart", ChartData.bars("保密协议签订情况", STATES, "协议数",
        List.of(counts[0], counts[1], counts[2])));
    data.put("staff", rows);
    return data;
  }
}
