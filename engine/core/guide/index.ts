export { buildServiceGuide, renderServiceGuideHtml, SERVICE_GUIDE_CSS, type GuideSection, type ServiceGuide } from './service-guide.js';
