-- expect: error:function
sandbox.send({f = print})
