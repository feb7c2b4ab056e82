export { divisionChain, divisionTree, findDivision, isKnownLocality, listDivisions, type Division, type DivisionNode } from './divisions.js';
