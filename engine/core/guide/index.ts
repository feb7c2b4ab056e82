export { buildServiceGuide, renderServiceGuideHtml, type GuideSection, type ServiceGuide } from './service-guide.js';
