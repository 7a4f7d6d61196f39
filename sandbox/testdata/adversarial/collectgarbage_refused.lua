-- expect: error:invalid option
collectgarbage('stop')
