-- The server side of radar: never sent to clients. A client's event arrives with the player as its source; the
-- answer goes to that player's client scripts only.
local scans = 0

AddEventHandler("radar:hello", function(event)
  scans = scans + 1
  print("radar: " .. event.source .. " scans at range " .. tostring(event.payload.range) .. " (scan " .. scans .. ")")
  mc.emit_client(event.source, "radar:contacts", { scan = scans, from = "server" })
end)
