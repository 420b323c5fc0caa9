import { graphql } from '../../gql';

// One query per tab: each asks for exactly the figures the tab shows (kpis.md ids as fields).

export const KpiOverviewQuery = graphql(`
  query KpiOverview($period: KpiPeriodInput, $scope: KpiScopeInput) {
    kpis(period: $period, scope: $scope) {
      period { from to }
      revenue { year { count amount } monthTargetVsActual { target actual } projectedYear { actual { amount } weightedOpenDeals { amount } total } byMonth { month target actual } }
      cashflow { byMonth { month received { count amount } due { count amount } } }
      leads { total { count amount } toDealRate won { count amount } lost { count amount } }
      deals {
        total { count amount } won { count amount } lost { count amount } winRate weightedOpen { count amount }
        pipelineValue { count amount } withoutActivity { count amount } lossReasons { lossReason { id name } count amount }
      }
      quotes { volume { count amount } acceptanceRate }
      orders { volume total }
      invoices { overdue { count amount } dueThisMonth { count amount } avgPaymentDays onTimeRate }
      activities { open overdue completed }
      customers { top10 { accountId account { name } revenue { count amount } } }
    }
  }
`);

export const KpiMonthQuery = graphql(`
  query KpiMonth($scope: KpiScopeInput) {
    kpis(period: { preset: CURRENT_MONTH }, scope: $scope) {
      period { from to }
      deals { won { count amount } lost { count amount } closingThisMonth { count amount } weightedOpen { count amount } byStage { stage { id name } count amount weightedAmount } }
      revenue { month { count amount } forecastMonth { actual { amount } weightedOpenDeals { amount } total } byPipeline { pipeline { id name } count amount weightedAmount } }
      products { top { product { id name } quantity revenue { count amount } } }
    }
  }
`);

export const KpiTeamQuery = graphql(`
  query KpiTeam($period: KpiPeriodInput, $scope: KpiScopeInput) {
    kpis(period: $period, scope: $scope) {
      team {
        byUser { user { id name } won { count amount } lost { count amount } owned { count amount } revenue { count amount } }
        byTeam { team { id name } won { count amount } lost { count amount } owned { count amount } revenue { count amount } }
      }
    }
  }
`);

export const KpiForecastQuery = graphql(`
  query KpiForecast($period: KpiPeriodInput, $scope: KpiScopeInput, $asOf: DateTime, $interval: KpiInterval) {
    kpis(period: $period, scope: $scope) {
      period { from to }
      forecast(asOf: $asOf) {
        byMonth { month count amount weightedAmount target }
        byStatus { status count amount weightedAmount }
        byStage { stage { id name } count amount weightedAmount }
        byCloseMonth { month count amount weightedAmount }
        funnel { stage { id name } count amount entered advanced conversionToNext }
        bySalesperson(interval: $interval) { user { id name } buckets { start won { count amount } open { count amount } } }
      }
    }
  }
`);

export const KpiMyBoardQuery = graphql(`
  query KpiMyBoard($period: KpiPeriodInput) {
    kpis(period: $period) {
      my {
        revenue { count amount }
        leads { count amount }
        deals { open { count amount weightedAmount } forecastByMonth { month amount weightedAmount target } }
        tasks { open overdue }
        quotes { count amount }
        orders { count amount }
        invoices { open { count amount } overdue { count amount } }
        activeContacts { accounts contacts }
        followed { count }
      }
    }
  }
`);

export const KpiOpportunityRecordsQuery = graphql(`
  query KpiOpportunityRecords($figure: KpiOpportunityFigure!, $period: KpiPeriodInput, $scope: KpiScopeInput, $asOf: DateTime, $group: KpiGroupInput, $after: String) {
    kpiOpportunities(figure: $figure, period: $period, scope: $scope, asOf: $asOf, group: $group, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { amount weightedAmount node { id title account { id name } owner { name } } }
    }
  }
`);

export const KpiInvoiceRecordsQuery = graphql(`
  query KpiInvoiceRecords($figure: KpiInvoiceFigure!, $period: KpiPeriodInput, $scope: KpiScopeInput, $group: KpiGroupInput, $after: String) {
    kpiInvoices(figure: $figure, period: $period, scope: $scope, group: $group, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { amount node { id number title account { id name } owner { name } } }
    }
  }
`);

export const KpiQuoteRecordsQuery = graphql(`
  query KpiQuoteRecords($figure: KpiQuoteFigure!, $period: KpiPeriodInput, $scope: KpiScopeInput, $after: String) {
    kpiQuotes(figure: $figure, period: $period, scope: $scope, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { amount node { id number title account { id name } owner { name } } }
    }
  }
`);

export const KpiOrderRecordsQuery = graphql(`
  query KpiOrderRecords($figure: KpiOrderFigure!, $period: KpiPeriodInput, $scope: KpiScopeInput, $after: String) {
    kpiOrders(figure: $figure, period: $period, scope: $scope, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { amount node { id number title account { id name } owner { name } } }
    }
  }
`);

export const KpiActivityRecordsQuery = graphql(`
  query KpiActivityRecords($figure: KpiActivityFigure!, $period: KpiPeriodInput, $scope: KpiScopeInput, $group: KpiGroupInput, $after: String) {
    kpiActivities(figure: $figure, period: $period, scope: $scope, group: $group, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id subject account { id name } assignee { name } } }
    }
  }
`);

export const KpiAccountRecordsQuery = graphql(`
  query KpiAccountRecords($figure: KpiAccountFigure!, $period: KpiPeriodInput, $scope: KpiScopeInput, $after: String) {
    kpiAccounts(figure: $figure, period: $period, scope: $scope, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name owner { name } } }
    }
  }
`);

export const KpiContactRecordsQuery = graphql(`
  query KpiContactRecords($figure: KpiContactFigure!, $period: KpiPeriodInput, $scope: KpiScopeInput, $after: String) {
    kpiContacts(figure: $figure, period: $period, scope: $scope, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id firstName lastName account { id name } owner { name } } }
    }
  }
`);

export const KpisChangedSubscription = graphql(`
  subscription KpisChanged($scope: KpiScopeInput) {
    kpisChanged(scope: $scope) { families changes }
  }
`);

export const KpiFilterOptionsQuery = graphql(`
  query KpiFilterOptions {
    teams { id name type members { id name } }
    pipelines { id name }
  }
`);
