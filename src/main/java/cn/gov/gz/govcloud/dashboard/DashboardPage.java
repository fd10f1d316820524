package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.compliance.Implements;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The addresses people open: {@code /dashboard/} (the dashboard in the browser) and {@code /dashboard/screen} (the
 * duty room's big screen, 1920×1080, refreshing itself, no controls). Both are the same page
 * ({@code static/dashboard/index.html}), which asks {@link DashboardController} for its figures with the webapps'
 * session and sends a browser without one through the Tasklist login.
 */
@Implements(value = "P6 7.2.4.5", what = "可视化元素：ECharts 图形和图表、计时器、值班大屏")
@Controller
class DashboardPage {

  static final String PAGE = "forward:/dashboard/index.html";

  @GetMapping("/dashboard")
  String withoutSlash() {
    return "redirect:/dashboard/";
  }

  @GetMapping({"/dashboard/", "/dashboard/screen"})
  String page() {
    return PAGE;
  }
}
