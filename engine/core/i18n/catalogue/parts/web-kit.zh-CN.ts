/** UI strings of the web kit shared by both apps: the API client's messages, form labels, the form validator and the router, in Simplified Chinese (the source; keys begin with the area's prefix). */
export const webKitZhCN = {
  // The API client's errors (api-client.ts) and what to tell the user for each (advice).
  "webkit.api.status": "服务器返回 {status}",
  "webkit.api.network": "无法连接服务器，请检查网络后重试",
  "webkit.advice.unknown": "出错了：{message}。请重试。",
  "webkit.advice.network": "无法连接服务器。请检查网络，然后重试。",
  "webkit.advice.unauthorized": "登录已失效或令牌无效。请重新登录。",
  "webkit.advice.forbidden": "没有权限：{message}。请联系管理员确认您的角色与部门。",
  "webkit.advice.notFound": "{message}。该事项可能已被删除，请返回事项列表刷新。",
  "webkit.advice.refresh": "{message}。请刷新后再试。",
  "webkit.advice.tooLarge": "内容过大，无法保存。请精简后再试。",
  "webkit.advice.unsupportedType": "{message}。请换用支持的文件类型。",
  "webkit.advice.invalid": "{message}。请根据下方标出的问题修改后再试。",
  "webkit.advice.other": "{message}（{status}）。请稍后重试；如仍失败请联系管理员。",
  // RJSF's own interface strings (form-labels.ts), in every form of both apps.
  "webkit.form.arrayItem": "项",
  "webkit.form.emptyArray": "暂无，请用下方按钮添加。",
  "webkit.form.yes": "是",
  "webkit.form.no": "否",
  "webkit.form.close": "关闭",
  "webkit.form.errors": "错误",
  "webkit.form.add": "添加",
  "webkit.form.addItem": "添加一项",
  "webkit.form.copy": "复制",
  "webkit.form.moveDown": "下移",
  "webkit.form.moveUp": "上移",
  "webkit.form.remove": "删除",
  "webkit.form.clear": "清除",
  "webkit.form.now": "现在",
  "webkit.form.optionalAdd": "填写此可选项",
  "webkit.form.optionalRemove": "移除此可选项",
  "webkit.form.optionalEmpty": "未填写",
  // A field's name when an error names none (form-validator.ts).
  "webkit.form.fallbackTitle": "表单",
  // The router's question before leaving unsaved changes (router.ts).
  "webkit.router.leaveQuestion": "有尚未保存的修改。离开将丢失这些修改，确定离开吗？",
} as const;
