export { buildServiceGuide, localTranslationKey, templateFileHref, renderServiceGuideHtml, SERVICE_GUIDE_CSS, type GuideSection, type GuideText, type ServiceGuide } from './service-guide.js';
