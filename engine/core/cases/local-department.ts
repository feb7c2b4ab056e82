const REGION_PREFIX = '内蒙古自治区';

/**
 * The department that approves at a locality, named after the standard's regional department:
 * 内蒙古自治区人力资源和社会保障厅 at 新城区 → 新城区人力资源和社会保障局. At the region itself the
 * regional department is meant. A claim that names its own department overrides this.
 */
export function localDepartmentName(regionalDepartment: string, locality: { code: string; name: string }): string {
  if (locality.code === '150000' || !regionalDepartment.startsWith(REGION_PREFIX)) return regionalDepartment;
  const body = regionalDepartment.slice(REGION_PREFIX.length).replace(/厅$/, '局');
  return `${locality.name}${body}`;
}
