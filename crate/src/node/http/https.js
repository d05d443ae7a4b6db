'use strict';
module.exports = require('http-client').https;
