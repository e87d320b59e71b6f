-- The search requests of infra/bench/practices.sh, in turn; prints the p95 latency.
local paths = {
  "/api/v1/practices?q=%CE%AD%CE%BD%CF%84%CE%B1%CE%BE%CE%B7",
  "/api/v1/practices?q=%CE%B1%CE%BB%CE%BB%CE%B7%CE%BB%CE%B5%CE%B3%CE%B3%CF%85%CE%B7%20%CE%BA%CE%BF%CE%B9%CE%BD%CE%BF%CF%84%CE%B7%CF%84%CE%B1",
  "/api/v1/practices?theme=housing&year=2020",
  "/api/v1/practices?q=youth&sector=civil_society",
  "/api/v1/practices?municipality=athens&sort=date",
  "/api/v1/practices?q=%CE%9C%CE%91%CE%98%CE%97%CE%9C%CE%91%CE%A4%CE%91%20%CE%B5%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%B1&page=3",
  "/api/v1/practices",
  "/api/v1/practices?q=%CF%83%CF%84%CE%AD%CE%B3%CE%B1%CF%83%CE%B7&sdg=11",
  -- Since 2026-12-02, inflected forms and names: «απασχόλησης», «γυναικών παιδιών»,
  -- "employed women", the thematic area «Κοινωνικής ένταξης» (inflected), the municipality
  -- «Αθηναίων» with a filter, "Athens housing" (a municipality and a theme in English), the
  -- UN goal «Ποιοτική εκπαίδευση» on page 2.
  "/api/v1/practices?q=%CE%B1%CF%80%CE%B1%CF%83%CF%87%CF%8C%CE%BB%CE%B7%CF%83%CE%B7%CF%82",
  "/api/v1/practices?q=%CE%B3%CF%85%CE%BD%CE%B1%CE%B9%CE%BA%CF%8E%CE%BD%20%CF%80%CE%B1%CE%B9%CE%B4%CE%B9%CF%8E%CE%BD",
  "/api/v1/practices?q=employed%20women",
  "/api/v1/practices?q=%CE%9A%CE%BF%CE%B9%CE%BD%CF%89%CE%BD%CE%B9%CE%BA%CE%AE%CF%82%20%CE%AD%CE%BD%CF%84%CE%B1%CE%BE%CE%B7%CF%82",
  "/api/v1/practices?q=%CE%91%CE%B8%CE%B7%CE%BD%CE%B1%CE%AF%CF%89%CE%BD&sector=municipality",
  "/api/v1/practices?q=Athens%20housing",
  "/api/v1/practices?q=%CE%A0%CE%BF%CE%B9%CE%BF%CF%84%CE%B9%CE%BA%CE%AE%20%CE%B5%CE%BA%CF%80%CE%B1%CE%AF%CE%B4%CE%B5%CF%85%CF%83%CE%B7&page=2",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
end
