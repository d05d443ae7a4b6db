// The attribute maps of the models a codegen module's methods send or
// return, and of every model reachable from them: [name, type, format,
// baseName], trailing defaults dropped (format "", baseName = name). The
// runtime's ObjectSerializer walks these exactly as the real one walks
// `attributeTypeMap`; a type with no entry is passed through, as there.
'use strict';
const path = require('path');

function innerTypes(type) {
  const array = type.match(/^Array<(.*)>$/);
  return array ? innerTypes(array[1]) : [type];
}

function collectModels(moduleDir, roots) {
  const all = require(path.join(moduleDir, 'models/all.js'));
  const models = {};
  const queue = [...roots].flatMap(innerTypes);
  while (queue.length) {
    const type = queue.shift();
    if (models[type] || !all[type] || typeof all[type].getAttributeTypeMap !== 'function') continue;
    const cls = all[type];
    if (cls.discriminator !== undefined) throw new Error(`${type}: discriminators are not supported`);
    if (cls.name !== type) throw new Error(`${type}: class named ${cls.name}`);
    models[type] = cls.getAttributeTypeMap().map(({ name, baseName, type: t, format }) => {
      const entry = [name, t, format || '', baseName];
      if (baseName === name) entry.pop();
      if (entry.length === 3 && entry[2] === '') entry.pop();
      return entry;
    });
    for (const attr of cls.getAttributeTypeMap()) queue.push(...innerTypes(attr.type));
  }
  return models;
}

module.exports = { collectModels };
