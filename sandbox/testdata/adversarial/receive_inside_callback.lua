-- expect: error:cannot wait inside a callback
table.sort({1, 2, 3}, function(a, b) sandbox.receive() return a < b end)
