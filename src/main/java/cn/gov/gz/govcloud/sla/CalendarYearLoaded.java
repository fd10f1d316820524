package cn.gov.gz.govcloud.sla;

/** Published when a year of the working-day calendar has been loaded or replaced, so open deadlines can follow. */
public record CalendarYearLoaded(int year) {}
