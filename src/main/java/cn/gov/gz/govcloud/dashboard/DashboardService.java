package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.dashboard.Snapshot.Evaluation;
import cn.gov.gz.govcloud.dashboard.Snapshot.Refresh;
import cn.gov.gz.govcloud.dashboard.Snapshot.Section;
import cn.gov.gz.govcloud.dashboard.Snapshot.Sections;
import cn.gov.gz.govcloud.dashboard.Snapshot.Viewer;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.kpi.Kpi;
import cn.gov.gz.govcloud.organization.OrganizationService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Puts the dashboard's answer together for one viewer. Figures are shared by everyone who sees the same units: the
 * live ones are read again after {@code govcloud.dashboard.live-ttl} (seconds), the statistics after
 * {@code statistics-ttl} (minutes), so two hundred screens cost the database what one does; every section says when
 * its figures were read. The KPIs and the inspection are for those who see all units, as on the REST API.
 */
@Implements(value = "P3 5.1.4", what = "运营可视化：运行状态、统计分析、监控告警与考核评估在一屏展示，按单位隔离")
@Implements(value = "P6 7.2.4.3", what = "按数据实时性分别刷新：实时数据 10 秒、统计 5 分钟、往月考核 1 小时，各面板标明取数时间")
@Service
class DashboardService {

  static final String KPIS_CLOSED = "考核指标仅对管理方、服务方和监理方开放";
  static final String INSPECTION_CLOSED = "巡检记录仅供运维、管理与监理人员查看";
  /** Entries kept before those older than an hour are dropped (each unit's figures, each day's months). */
  static final int MAX_ENTRIES = 5_000;

  private final LiveFigures live;
  private final Statistics statistics;
  private final EvaluationTrend evaluation;
  private final DeliverablesDue deliverables;
  private final CaseLinks caseLinks;
  private final OrganizationService organization;
  private final People people;
  private final DashboardProperties properties;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  /** Reads the statistics while the request's thread reads the live figures (a few threads: the database decides). */
  private final ExecutorService pool;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  private record Cached(Object value, long readAtNanos) {}

  DashboardService(LiveFigures live, Statistics statistics, EvaluationTrend evaluation, DeliverablesDue deliverables,
      CaseLinks caseLinks, OrganizationService organization, People people, DashboardProperties properties,
      Clock clock) {
    this.live = live;
    this.statistics = statistics;
    this.evaluation = evaluation;
    this.deliverables = deliverables;
    this.caseLinks = caseLinks;
    this.organization = organization;
    this.people = people;
    this.properties = properties;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(properties.threads(), r -> {
      Thread t = new Thread(r, "dashboard-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  Snapshot snapshot(Caller caller, String contextPath) {
    Scope scope = Scope.of(caller);
    Instant now = clock.instant();
    String s = scope.key() + "|" + contextPath;
    Duration liveTtl = properties.liveTtl();
    Duration statsTtl = properties.statisticsTtl();
    String liveText = "实时，每 " + Math.max(1, liveTtl.toSeconds()) + " 秒更新";
    String statsText = "每 " + Math.max(1, statsTtl.toMinutes()) + " 分钟更新";

    // the statistics (the heaviest: every unit's usage and cost, seven months of KPIs) are read on the dashboard's own
    // threads while this one reads the live figures
    CompletableFuture<Section<Snapshot.Resources>> resources = async(() -> cached("resources|" + s, statsTtl, () -> {
      Instant t = clock.instant();
      Snapshot.Resources r = statistics.resources(scope);
      return new Section<>(r, Format.second(t), "台账实时读取，" + statsText + (r.review() == null
          ? "；尚无完成统计的资源优化评审，利用率与闲置资源待首次评审后显示" : "；利用率与闲置资源按" + r.review()), null);
    }));
    CompletableFuture<Section<Snapshot.Costs>> costs = async(() -> cached("costs|" + s, statsTtl, () -> {
      Instant t = clock.instant();
      Snapshot.Costs c = statistics.costs(scope, contextPath);
      return c == null ? new Section<>(null, Format.second(t), statsText,
          "尚无完成统计的资源优化评审：每月 1 日自动发起，统计完成后显示各单位费用。")
          : new Section<>(c, Format.second(t), statsText + "；按" + c.review(), null);
    }));
    Map<YearMonth, CompletableFuture<MonthFigures>> months = new java.util.LinkedHashMap<>();
    LocalDate today = day(now);
    if (scope.allUnits()) {
      for (YearMonth m : EvaluationTrend.months(today, properties.trendMonths())) {
        boolean current = m.equals(YearMonth.from(today));
        months.put(m, async(() -> cached("kpi|" + m + "|" + today, current ? statsTtl : properties.pastMonthsTtl(),
            () -> new MonthFigures(evaluation.month(m, today), clock.instant()))));
      }
    }

    Section<Snapshot.Emergencies> emergencies = cached("emergencies|" + s, liveTtl,
        () -> section(t -> live.emergencies(scope, t), liveText));
    Section<Snapshot.WorkOrders> workOrders = cached("work-orders|" + s, liveTtl,
        () -> section(t -> live.workOrders(scope, t, startOfDay(t)), liveText));
    Section<Snapshot.Alerts> alerts = cached("alerts|" + s, liveTtl,
        () -> section(t -> live.alerts(scope, startOfDay(t)), liveText));
    Section<Snapshot.InspectionProgress> inspection = scope.allUnits()
        ? cached("inspection|" + contextPath, liveTtl,
            () -> section(t -> statistics.inspection(day(t), t, contextPath), liveText))
        : Section.closed(INSPECTION_CLOSED);
    Section<Evaluation> kpis = scope.allUnits() ? evaluation(months, statsText) : Section.closed(KPIS_CLOSED);
    Section<Snapshot.Deliverables> due = cached("deliverables|" + s, liveTtl,
        () -> section(t -> deliverables.deliverables(scope, t, day(t), properties.drillLookahead(), contextPath),
            liveText));

    Viewer viewer = new Viewer(people.name(caller.userId()), scopeLabel(scope), scope.allUnits(),
        caseLinks.cockpit(caller));
    return new Snapshot(viewer, now, Format.second(now), new Refresh(properties.pageRefresh().toSeconds(),
        properties.screenRefresh().toSeconds()), new Sections(emergencies, workOrders, alerts, inspection,
        resources.join(), costs.join(), kpis, due));
  }

  /**
   * The KPI trend from the months' figures: the current month's are kept for the statistics' time, the past months'
   * longer ({@code past-months-ttl}), as they change only when a late step lands in them.
   */
  private Section<Evaluation> evaluation(Map<YearMonth, CompletableFuture<MonthFigures>> months, String freshness) {
    Map<YearMonth, MonthFigures> figures = new java.util.LinkedHashMap<>();
    months.forEach((m, f) -> figures.put(m, f.join()));
    Evaluation e = EvaluationTrend.evaluation(List.copyOf(figures.keySet()), m -> figures.get(m).figures());
    MonthFigures current = figures.get(List.copyOf(figures.keySet()).get(figures.size() - 1));
    return new Section<>(e, Format.second(current.readAt()), "本月" + freshness + "，以往各月每 "
        + Math.max(1, properties.pastMonthsTtl().toMinutes()) + " 分钟更新（本月统计至今日）", null);
  }

  private record MonthFigures(Map<Kpi, Double> figures, Instant readAt) {}

  private <T> CompletableFuture<T> async(Supplier<T> read) {
    return CompletableFuture.supplyAsync(read, pool);
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  private <T> Section<T> section(java.util.function.Function<Instant, T> read, String freshness) {
    Instant t = clock.instant();
    return new Section<>(read.apply(t), Format.second(t), freshness, null);
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(String key, Duration ttl, Supplier<T> read) {
    Cached c = cache.get(key);
    if (fresh(c, ttl)) {
      return (T) c.value();
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      c = cache.get(key);
      if (fresh(c, ttl)) {
        return (T) c.value(); // another viewer of the same units has just read them
      }
      T value = read.get();
      if (cache.size() > MAX_ENTRIES) {
        long old = Duration.ofHours(1).toNanos();
        cache.entrySet().removeIf(e -> System.nanoTime() - e.getValue().readAtNanos() > old);
        locks.keySet().retainAll(cache.keySet());
      }
      cache.put(key, new Cached(value, System.nanoTime()));
      return value;
    }
  }

  private static boolean fresh(Cached c, Duration ttl) {
    return c != null && System.nanoTime() - c.readAtNanos() < ttl.toNanos();
  }

  /** Forgets every figure read so far (tests that change data and look again at once; a changed configuration). */
  void forget() {
    cache.clear();
  }

  /** Forgets the live figures only, as when their time is up and the statistics are still kept (benchmark). */
  void forgetLive() {
    cache.keySet().removeIf(k -> LIVE.stream().anyMatch(k::startsWith));
  }

  /** The cache keys of the live sections. */
  static final List<String> LIVE = List.of("emergencies|", "work-orders|", "alerts|", "inspection|", "deliverables|");

  private String scopeLabel(Scope scope) {
    if (scope.allUnits()) {
      return "全市（全部使用单位）";
    }
    if (scope.units().isEmpty()) {
      return "未加入任何使用单位";
    }
    return String.join("、", scope.units().stream().map(organization::unitName).toList());
  }

  private static LocalDate day(Instant t) {
    return t.atZone(CityTime.ZONE).toLocalDate();
  }

  private static Instant startOfDay(Instant t) {
    return day(t).atStartOfDay(CityTime.ZONE).toInstant();
  }
}
