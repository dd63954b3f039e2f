-- wrk script: POSTs realistic validation bodies in rotation, as Rest PKI Core would, over keep-alive.
-- With RATE set (requests per second over all connections), each request waits so the total stays near it.
local bodies = {
  '{"name":"Contrato.pdf","contentType":"application/pdf","length":184320}',
  '{"name":"Relat\\u00f3rio Anual 2024.docx","contentType":"application/vnd.openxmlformats-officedocument.wordprocessingml.document","length":52011}',
  '{"name":"\\u5951\\u7d04\\u66f8.pdf","contentType":"","length":99000}',
  '{"name":"scan_0001.jpg","contentType":"image/jpg","length":2048000}',
  '{"name":"dados.csv","contentType":"application/vnd.ms-excel","length":4096}',
  '{"name":"setup.exe","contentType":"application/x-msdownload","length":1000000}',
  '{"name":"contrato\\u202efdp.exe","contentType":"application/pdf","length":1000}',
  '{"Name":"Proposta Comercial.PDF","ContentType":"application/pdf","Length":77000}',
}
local counter = 0
local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "64")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  return wrk.format(nil, "/validate", nil, bodies[(counter % #bodies) + 1])
end

if rate > 0 then
  -- wrk delays in whole milliseconds: alternate floor and ceiling so the average interval is exact.
  local interval = connections * 1000 / rate
  local low = math.floor(interval)
  local fraction = interval - low
  delay = function()
    if math.random() < fraction then return low + 1 end
    return low
  end
end
