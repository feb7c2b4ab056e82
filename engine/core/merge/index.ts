export { mergeThreeWay, pathKey, type MergeConflict, type MergedChange, type MergeOptions, type MergePath, type MergeResult, type MergeSide, type MergeStep } from './three-way.js';
export { mergeItemConfigs, mergePathLabel, mergeValueText, type ItemMergeConflict, type ItemMergedChange, type ItemMergeResult } from './item-merge.js';
