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
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
end
